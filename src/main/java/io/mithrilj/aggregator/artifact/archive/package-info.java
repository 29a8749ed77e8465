/**
 * The snapshot archiver (upstream {@code tools/file_archiver}): tar streams of database files through zstandard
 * or gzip, written under a temporary name, verified by unpacking and published by an atomic rename. Plain Java.
 */
package io.mithrilj.aggregator.artifact.archive;
