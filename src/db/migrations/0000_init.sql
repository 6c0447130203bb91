CREATE TABLE `companies` (
	`ticker` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`cik` text,
	`filer_type` text NOT NULL,
	`fiscal_year_end_month` integer NOT NULL,
	`aliases` text DEFAULT '[]' NOT NULL,
	`registry` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sha256` text NOT NULL,
	`company_ticker` text,
	`source_url` text,
	`local_path` text,
	`form` text,
	`accession` text,
	`exhibit` text,
	`title` text,
	`filed_date` text,
	`period_of_report` text,
	`media_type` text,
	`size_bytes` integer NOT NULL,
	`fetched_at` text NOT NULL,
	`parse_status` text DEFAULT 'pending' NOT NULL,
	`parse_error` text,
	`extractor_version` text,
	`fact_count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`company_ticker`) REFERENCES `companies`(`ticker`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_sha256_uq` ON `documents` (`sha256`);--> statement-breakpoint
CREATE INDEX `documents_company_idx` ON `documents` (`company_ticker`);--> statement-breakpoint
CREATE TABLE `facts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`company_ticker` text NOT NULL,
	`metric` text NOT NULL,
	`value` real NOT NULL,
	`unit` text NOT NULL,
	`period_start` text,
	`period_end` text,
	`as_of` text,
	`period_key` text NOT NULL,
	`basis` text DEFAULT '' NOT NULL,
	`basis_label` text,
	`locator` text NOT NULL,
	`snippet` text NOT NULL,
	`extractor` text NOT NULL,
	`extractor_version` text NOT NULL,
	`confidence` real NOT NULL,
	`derived` integer DEFAULT false NOT NULL,
	`notes` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `facts_identity_uq` ON `facts` (`document_id`,`company_ticker`,`metric`,`period_key`,`basis`,`locator`);--> statement-breakpoint
CREATE INDEX `facts_company_metric_idx` ON `facts` (`company_ticker`,`metric`,`period_key`);--> statement-breakpoint
CREATE TABLE `http_cache` (
	`url` text PRIMARY KEY NOT NULL,
	`sha256` text,
	`status` integer NOT NULL,
	`etag` text,
	`last_modified` text,
	`content_type` text,
	`fetched_at` text NOT NULL,
	`cache_policy` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
