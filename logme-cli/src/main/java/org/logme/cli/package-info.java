/**
 * The {@code logme} command line and composition root: {@link org.logme.cli.PluginModule}
 * binds every estimator and backend found by {@link java.util.ServiceLoader} into Guice map
 * bindings by name, and picocli commands receive them by injection. Nothing outside this
 * package depends on Guice or picocli.
 *
 * @since 0.1
 */
package org.logme.cli;
