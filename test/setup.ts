// Preloaded by bun test (bunfig.toml). Tests talk to loopback receivers, and every process of
// the suite (in-process services, spawned CLIs) shares one master key, as processes sharing
// one DATABASE_URL must.
process.env.ALLOW_PRIVATE_TARGETS ??= 'true';
process.env.MASTER_KEY ??= 'dGVzdC1vbmx5LW1hc3Rlci1rZXktMzItYnl0ZXMhISE=';
