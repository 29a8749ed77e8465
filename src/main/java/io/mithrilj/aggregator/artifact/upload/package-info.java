/**
 * Publication of the snapshot archives (upstream {@code file_uploaders}): the local uploader that copies them under
 * the snapshot directory for the aggregator's download routes, the gcp uploader that puts them in a Cloud Storage
 * bucket, the retry policy around both, and the files the download routes may serve.
 */
package io.mithrilj.aggregator.artifact.upload;
