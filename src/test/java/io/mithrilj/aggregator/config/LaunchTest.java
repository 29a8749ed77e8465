package io.mithrilj.aggregator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The launcher's hand-off: set once, then read; never replaced. */
class LaunchTest {

    private static final ResolvedSettings SETTINGS =
            ResolvedSettings.resolve(Map.of(), Path.of("no-such-dir/dev.json"), Map.of());

    @Test
    void aValueIsSetOnceThenReadAndNeverReplaced() {
        Launch.SetOnce<Launch> holder = new Launch.SetOnce<>();
        assertThat(holder.get()).isEmpty();
        Launch first =
                new Launch(ProcessRole.SERVE, SETTINGS, Optional.of(new CompletableFuture<>()), Optional.empty());
        holder.set(first);
        assertThat(holder.get()).containsSame(first);

        Launch second = new Launch(ProcessRole.STORE_COMMAND, SETTINGS, Optional.empty(), Optional.of(() -> 0));
        assertThatThrownBy(() -> holder.set(second))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("already set");
        assertThat(holder.get()).containsSame(first);
        assertThatThrownBy(() -> new Launch.SetOnce<Launch>().set(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutALauncherTheProcessServesWithItsOwnSettings() {
        // unit tests never go through the launcher: nothing was handed over in this JVM
        assertThat(Launch.current()).isEmpty();
        assertThat(new Launch.Beans().processRole()).isEqualTo(ProcessRole.SERVE);
        assertThat(Launch.settingsOfProcess().get("server_port")).contains("8080");
    }

    @Test
    void onlyServingOpensPortsAndRecordsStarts() {
        assertThat(ProcessRole.SERVE.serves()).isTrue();
        assertThat(ProcessRole.STORE_COMMAND.serves()).isFalse();
    }

    @Test
    void theBuildStampsAVersion() {
        assertThat(BuildInfo.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }
}
