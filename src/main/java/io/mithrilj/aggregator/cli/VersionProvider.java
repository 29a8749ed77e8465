package io.mithrilj.aggregator.cli;

import io.mithrilj.aggregator.config.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code mithril-aggregator <version>}, the version being the one Maven stamped into the build. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"mithril-aggregator " + BuildInfo.version()};
    }
}
