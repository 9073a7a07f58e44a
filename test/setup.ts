// Preloaded by bun test (bunfig.toml). Tests talk to loopback receivers.
process.env.ALLOW_PRIVATE_TARGETS ??= 'true';
