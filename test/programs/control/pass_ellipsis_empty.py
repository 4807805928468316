# Empty bodies, pass, Ellipsis, and loops that never run.
def nothing():
    pass

def stub():
    ...

class Empty:
    pass

print(nothing(), stub(), ..., type(...).__name__, Ellipsis is ...)
for _ in ():
    print("never")
while False:
    print("never")
if False:
    pass
elif 0:
    pass
else:
    print("else branch")
e = Empty()
print(type(e).__name__, isinstance(e, object), e == e, e != Empty())
count = 0
for _ in range(0):
    count = count + 1
print(count, [] == list(x for x in ()), list(range(5, 5)))
try:
    pass
except Exception:
    print("never")
else:
    print("try else")
