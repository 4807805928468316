# __doc__ of classes: the docstring, or None (never inherited); of functions and methods too.
class A:
    """Doc of A."""
    x = 1
class B(A):
    pass
class C(A):
    "C doc"
    def m(self):
        "method doc"
        return 1
print(A.__doc__, B.__doc__, C.__doc__, C().__doc__, C.m.__doc__, A().x, B.x)
