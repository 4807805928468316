# REJECT 4
names = ["ann", "bob", "cyd"]
if "bob" in names:
    names.remove("bob")
print(names)
