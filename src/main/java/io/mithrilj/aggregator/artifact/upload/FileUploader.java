package io.mithrilj.aggregator.artifact.upload;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publishes the files of a snapshot artifact and tells where they can be downloaded (upstream {@code FileUploader},
 * with the part of the artifact as a parameter instead of one uploader instance per part).
 */
public interface FileUploader {

    /** The placeholder of the immutable file number in the immutables' template URI. */
    String IMMUTABLE_FILE_NUMBER = "{immutable_file_number}";

    /** Publishes one file of the given part and returns its download URI. */
    String upload(Path file, UploadTarget target) throws UploadException;

    /**
     * Publishes the per-immutable-file archives ({@code 00001.tar.zst}…) and returns the one template URI of them all
     * (upstream {@code batch_upload} of an {@code ImmutableFilesUploader}).
     */
    default String uploadImmutables(List<Path> archives) throws UploadException {
        if (archives.isEmpty()) throw new UploadException("No immutable file archive to upload");
        List<String> uris = new ArrayList<>();
        for (Path archive : archives) uris.add(upload(archive, UploadTarget.CDB_IMMUTABLE));
        return immutablesTemplate(uris);
    }

    /**
     * The template of the immutables' URIs (upstream {@code immutable_file_number_extractor} with
     * {@code MultiFilesUri::extract_template_from_uris}): in each URI the last run of five digits becomes
     * {@value #IMMUTABLE_FILE_NUMBER}; URIs without five digits are ignored; all others must give the same template.
     */
    static String immutablesTemplate(List<String> uris) throws UploadException {
        Pattern lastFiveDigits = Pattern.compile(".*(\\d{5})");
        Set<String> templates = new LinkedHashSet<>();
        for (String uri : uris) {
            Matcher m = lastFiveDigits.matcher(uri);
            if (m.lookingAt()) {
                templates.add(uri.substring(0, m.start(1)) + IMMUTABLE_FILE_NUMBER + uri.substring(m.end(1)));
            }
        }
        if (templates.size() > 1) {
            throw new UploadException("The immutable file archives' URIs give several templates: " + templates);
        }
        if (templates.isEmpty()) {
            throw new UploadException(
                    "No template found in the immutable file archives' URIs (no 5-digit number): " + uris);
        }
        return templates.iterator().next();
    }
}
