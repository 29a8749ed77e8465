package io.mithrilj.aggregator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command of upstream's command line that this build does not provide yet: says so, exits 1. */
@picocli.CommandLine.Command
abstract class NotBuiltYet implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Error: '" + spec.qualifiedName() + "' is not available in this build yet");
        return 1;
    }
}
