# Uncaught OverflowError converting a huge int to float.
big = 2 ** 1023
print(float(big))
print(float(big * 2))
