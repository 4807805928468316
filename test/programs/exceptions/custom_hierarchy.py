# A custom exception hierarchy: catching by base class, tuples, ordering of handlers.
class AppError(Exception):
    pass

class ConfigError(AppError):
    def __init__(self, key, problem="missing"):
        super().__init__(f"{key}: {problem}")
        self.key = key

class NetError(AppError):
    pass

class Timeout(NetError):
    def __str__(self):
        return "timed out after " + str(self.args[0]) + "s"

def fail(kind):
    if kind == "cfg":
        raise ConfigError("port")
    if kind == "timeout":
        raise Timeout(30)
    if kind == "net":
        raise NetError("refused", 111)
    if kind == "value":
        raise ValueError("bad value")
    return "fine"

for kind in ("cfg", "timeout", "net", "value", "none"):
    try:
        print("result", fail(kind))
    except Timeout as e:
        print("Timeout:", e, e.args)
    except (ConfigError, ValueError) as e:
        print(type(e).__name__, "->", e, getattr(e, "key", "-"))
    except AppError as e:
        print("AppError:", e, e.args, isinstance(e, NetError))
print(issubclass(Timeout, AppError), issubclass(AppError, Exception), issubclass(Exception, BaseException))
print([c.__name__ for c in Timeout.__mro__])
try:
    try:
        fail("timeout")
    except ConfigError:
        print("not here")
except Exception as e:
    print("outer caught", type(e).__name__, repr(str(e)))
