# An exception raised inside an except block escapes: the last one is reported.
def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        raise LookupError(f"no entry for {key!r}") from None

print(lookup({"a": 1}, "a"))
print(lookup({"a": 1}, "b"))
