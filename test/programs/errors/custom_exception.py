# Uncaught user-defined exception raised from deep in a call chain.
class ValidationError(Exception):
    pass

def validate(record):
    if "id" not in record:
        raise ValidationError(f"record without id: {sorted(record)}")
    return record["id"]

def load(records):
    return tuple(validate(r) for r in records)

print(load([{"id": 1}, {"id": 2, "x": 0}]))
print(load([{"id": 3}, {"name": "anon", "age": 3}]))
