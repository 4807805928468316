# REJECT 3
log = []
squares = [log.append(i) or i * i for i in range(4)]
print(squares, log)
