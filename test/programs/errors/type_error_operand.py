# Uncaught TypeError from adding incompatible types.
parts = ("total: ", 42)
print(parts[0] + str(parts[1]))
print(parts[0] + parts[1])
