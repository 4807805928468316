# REJECT 3
config = {"debug": True, "level": 3}
del config["debug"]
print(config)
