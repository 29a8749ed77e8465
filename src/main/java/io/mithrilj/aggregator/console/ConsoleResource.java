package io.mithrilj.aggregator.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/**
 * The ops console, read-only: {@code GET /console} renders every panel (a plain page without JavaScript); each panel
 * refreshes itself by polling its fragment route with htmx. Templates: {@code ops-console/templates/console/}.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class ConsoleResource {
    /** The htmx script of the webjar (its version is the pom's {@code htmx.version}). */
    static final String HTMX = "/webjars/htmx.org/2.0.4/dist/htmx.min.js";
    /** How often the panels refresh. */
    static final String REFRESH = "every 2s";

    private final Template page;
    private final ConsoleView view;

    ConsoleResource(@Location("console/page.html") Template page, ConsoleView view) {
        this.page = page;
        this.view = view;
    }

    @GET
    public TemplateInstance console(@Context UriInfo uri) {
        return page.data("htmx", HTMX)
                .data("refresh", REFRESH)
                .data("role", view.role())
                .data("overview", view.overview())
                .data("timeline", view.timeline())
                .data("sync", view.sync())
                .data("dmq", view.dmq())
                .data("metrics", view.metrics(uri.getBaseUri().getHost()));
    }

    @GET
    @Path("/fragments/overview")
    public TemplateInstance overview() {
        return fragment("overview").data("overview", view.overview());
    }

    @GET
    @Path("/fragments/timeline")
    public TemplateInstance timeline() {
        return fragment("timeline").data("timeline", view.timeline());
    }

    @GET
    @Path("/fragments/sync")
    public TemplateInstance sync() {
        return fragment("sync").data("sync", view.sync());
    }

    @GET
    @Path("/fragments/dmq")
    public TemplateInstance dmq() {
        return fragment("dmq").data("dmq", view.dmq());
    }

    @GET
    @Path("/fragments/metrics")
    public TemplateInstance metrics(@Context UriInfo uri) {
        return fragment("metrics").data("metrics", view.metrics(uri.getBaseUri().getHost()));
    }

    private TemplateInstance fragment(String id) {
        return page.getFragment(id).instance().data("refresh", REFRESH);
    }
}
