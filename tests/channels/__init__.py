"""Local stand-ins for the relay's channels (real HTTP and SMTP servers on 127.0.0.1): each
keeps a log of what arrived, fails on demand (N failures, then success), can answer slowly or
hold a request open, and the webhook and SMTP ones de-duplicate as a careful receiver does."""
