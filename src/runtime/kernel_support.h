// Arithmetic helpers for typed (unboxed) kernels, with Python's semantics. Each returns 1 and
// writes the result, or 0 when Python would raise or leave the typed domain (the kernel then
// gives up and the boxed code raises the proper exception).
#pragma once

#include <cstdint>

extern "C" {
int32_t ufr_k_ipow(int64_t base, int64_t exp, int64_t* out);
int32_t ufr_k_fpow(double base, double exp, double* out);
int32_t ufr_k_fmod(double a, double b, double* out);
int32_t ufr_k_ffloordiv(double a, double b, double* out);

// A list a kernel builds (a list comprehension run as a kernel): elements as 64-bit patterns
// of one kind (1 float, 2 int: values/packed_seq.h). `finish` makes the unboxed list and
// frees the builder; a kernel that gives up calls `discard` instead.
void* ufr_k_list_new(int64_t kind, int64_t expected);  // expected: a capacity hint
// The builder of a list comprehension's part over items [lo, hi): `out` is the part's
// Partial, where the reduction left the shared block's address (or 0) (parallel_reduce.cpp).
void* ufr_k_list_new_part(int64_t kind, int64_t lo, int64_t hi, const void* out);
void ufr_k_list_push(void* builder, int64_t bits);
// The builder's ListBuilder::Tail, which kernels fill inline until it is full.
void* ufr_k_list_tail(void* builder);
void* ufr_k_list_finish(void* builder);
void ufr_k_list_discard(void* builder);
// Moves `from`'s items to the end of `into` and frees `from`; returns `into`.
void* ufr_k_list_append(void* into, void* from);
}
