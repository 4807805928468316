# Uncaught TypeError: a list used as a dict key.
pos = {(0, 0): "origin"}
print(pos[(0, 0)])
print({[1, 2]: "bad"})
