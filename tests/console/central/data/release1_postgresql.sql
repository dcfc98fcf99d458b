-- The central database as release 1 created it (Base.metadata.create_all before Alembic:
-- console/central/db.py at commit 2c34361^), postgresql. Frozen test data: never edit.

CREATE TABLE change_counter (
	id SERIAL NOT NULL,
	value BIGINT NOT NULL,
	PRIMARY KEY (id)
);

CREATE TABLE events (
	id SERIAL NOT NULL,
	report_id INTEGER NOT NULL,
	at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
	actor VARCHAR(128) NOT NULL,
	role VARCHAR(32) NOT NULL,
	action VARCHAR(32) NOT NULL,
	from_status VARCHAR(32) NOT NULL,
	to_status VARCHAR(32) NOT NULL,
	payload TEXT NOT NULL,
	PRIMARY KEY (id)
);

CREATE INDEX ix_events_report_at ON events (report_id, at);

CREATE TABLE idempotency (
	key VARCHAR(200) NOT NULL,
	user_name VARCHAR(128) NOT NULL,
	report_id INTEGER NOT NULL,
	status_code INTEGER NOT NULL,
	body TEXT NOT NULL,
	at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
	PRIMARY KEY (key)
);

CREATE TABLE media_blobs (
	report_id INTEGER NOT NULL,
	n INTEGER NOT NULL,
	content_type VARCHAR(64) NOT NULL,
	data BYTEA NOT NULL,
	PRIMARY KEY (report_id, n)
);

CREATE TABLE reports (
	id INTEGER NOT NULL,
	seq BIGINT NOT NULL,
	code VARCHAR(64) NOT NULL,
	title TEXT NOT NULL,
	description TEXT NOT NULL,
	category VARCHAR(64) NOT NULL,
	urgency VARCHAR(16) NOT NULL,
	status VARCHAR(32) NOT NULL,
	ward VARCHAR(64) NOT NULL,
	lat FLOAT,
	lon FLOAT,
	address TEXT NOT NULL,
	channel VARCHAR(64) NOT NULL,
	created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
	updated_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
	version INTEGER NOT NULL,
	unit VARCHAR(64),
	deadline TIMESTAMP WITHOUT TIME ZONE,
	escalation_level INTEGER NOT NULL,
	escalated_at TIMESTAMP WITHOUT TIME ZONE,
	duplicate_of INTEGER,
	merged_count INTEGER NOT NULL,
	media TEXT NOT NULL,
	rating INTEGER,
	reporter_name TEXT,
	reporter_phone VARCHAR(64),
	reporter_email VARCHAR(320),
	reject_reason VARCHAR(64),
	result_text TEXT,
	resolved_at TIMESTAMP WITHOUT TIME ZONE,
	extension_deadline TIMESTAMP WITHOUT TIME ZONE,
	extension_reason TEXT,
	extended BOOLEAN NOT NULL,
	views INTEGER NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (seq)
);

CREATE INDEX ix_reports_category ON reports (category);

CREATE INDEX ix_reports_code ON reports (code);

CREATE INDEX ix_reports_created_at ON reports (created_at);

CREATE INDEX ix_reports_status ON reports (status);

CREATE INDEX ix_reports_unit ON reports (unit);

CREATE INDEX ix_reports_ward ON reports (ward);

CREATE TABLE sign_in_failures (
	key VARCHAR(300) NOT NULL,
	attempts INTEGER NOT NULL,
	last_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
	PRIMARY KEY (key)
);

CREATE TABLE users (
	id SERIAL NOT NULL,
	name VARCHAR(128) NOT NULL,
	role VARCHAR(32) NOT NULL,
	password_hash VARCHAR(512) NOT NULL,
	unit_code VARCHAR(64),
	display_name TEXT NOT NULL,
	created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (name)
);

CREATE TABLE tokens (
	token_hash VARCHAR(64) NOT NULL,
	user_id INTEGER NOT NULL,
	expires_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
	PRIMARY KEY (token_hash),
	FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_tokens_expires_at ON tokens (expires_at);
