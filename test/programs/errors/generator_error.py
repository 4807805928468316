# An exception raised inside a generator propagates to the consumer.
def parse(lines):
    for line in lines:
        key, value = line.split("=")
        yield key.strip(), float(value)

for k, v in parse(["a = 1.5", "b=2", "c: 3"]):
    print(k, v)
