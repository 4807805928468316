# Nested try blocks: inner finally before outer handler, errors raised in handlers.
def trace(step):
    print("  step", step)

def nested(kind):
    try:
        trace("outer try")
        try:
            trace("inner try")
            if kind == "value":
                raise ValueError("v")
            if kind == "key":
                raise KeyError("k")
            trace("inner done")
        except ValueError:
            trace("inner handler")
            raise TypeError("converted")
        finally:
            trace("inner finally")
        trace("after inner")
    except TypeError as e:
        trace(f"outer handler TypeError {e}")
    except KeyError as e:
        trace(f"outer handler KeyError {e}")
    else:
        trace("outer else")
    finally:
        trace("outer finally")
    return kind

for k in ("none", "value", "key"):
    print("->", nested(k))
def handler_fails():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise IndexError("second")
        except IndexError as e:
            return "recovered from " + str(e)
print(handler_fails())
