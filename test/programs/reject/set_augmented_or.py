# REJECT 3
tags = {"a"}
tags |= {"b"}
print(sorted(tags))
