# REJECT 4
defaults = {"color": "red", "size": 3}
overrides = {"size": 5}
defaults.update(overrides)
print(defaults)
