# Installation rules: filled in with the C API work.
