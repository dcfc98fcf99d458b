"""The relay: published results sent on to Zalo groups, Telegram, e-mail and webhooks through a
durable outbox on the server (channel credentials never leave it). docs/RELAY.md."""
