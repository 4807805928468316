# REJECT 3
stack = [1, 2, 3]
top = stack.pop()
print(top, stack)
