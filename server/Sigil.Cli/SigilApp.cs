using Sigil.Cli.Commands;
using Sigil.Cli.Commands.Config;
using Sigil.Cli.Commands.Keys;
using Sigil.Cli.Commands.Runs;
using Sigil.Cli.Commands.Tracker;
using Sigil.Cli.Commands.Trust;
using Sigil.Cli.Commands.Workspace;
using Sigil.Core.Identity;
using Sigil.Manifests.Keys;
using Sigil.Projects;
using Sigil.Publishing;
using Sigil.Publishing.Git;
using Sigil.Tracking.Query;
using Sigil.Trust.Errors;
using Sigil.Workspace.Errors;
using Spectre.Console.Cli;

namespace Sigil.Cli;

/// <summary>The command tree and the one error boundary: any failure is one line on stderr and a non-zero exit.</summary>
public static class SigilApp
{
    /// <summary>Exit code of a failed command (bad input or state).</summary>
    public const int ErrorExit = 1;

    /// <summary>Exit code of a malformed command line.</summary>
    public const int UsageExit = 2;

    /// <summary>Runs the CLI.</summary>
    public static int Run(string[] args)
    {
        var app = new CommandApp();
        app.Configure(Configure);
        try
        {
            return app.Run(args);
        }
        catch (CommandAppException ex)
        {
            return Fail(UsageExit, $"{ex.Message.TrimEnd('.')}. Run 'sigil --help' (or 'sigil COMMAND --help').");
        }
        catch (Exception ex) when (ex is SigilProjectException or SampleLogException or IdentityFormatException or WorkspaceException or InvalidDataException
            or Sigil.Runs.RunException or Sigil.Evaluation.Sandbox.SandboxUnavailableException
            or Sigil.Optimizers.Strategies.Configuration.OptimizerSettingsException
            or KeyStoreException or TrustStoreException or TrustException
            or PublishRefusedException or PublishFailedException or GitException)
        {
            return Fail(ErrorExit, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(ErrorExit, $"{ex.Message} Check the path and its permissions; nothing was changed.");
        }
    }

    private static void Configure(IConfigurator config)
    {
        config.SetApplicationName("sigil");
        config.PropagateExceptions();
        config.UseStrictParsing();
        config.AddCommand<InitCommand>("init").WithExample("init");
        config.AddBranch("tracker", tracker =>
        {
            tracker.SetDescription("Turn sample tracking on or off while apps run");
            tracker.AddCommand<TrackerStartCommand>("start");
            tracker.AddCommand<TrackerStopCommand>("stop");
            tracker.AddCommand<TrackerStatusCommand>("status");
        });
        config.AddCommand<InspectSamplesCommand>("inspect-samples").WithExample("inspect-samples", "quickstart", "--last", "10");
        config.AddCommand<InspectPinsCommand>("inspect-pins");
        config.AddCommand<RunCommand>("run").WithExample("run", "quickstart", "--name", "v1", "--optimizer", "alphaevolve", "--niter", "20");
        config.AddCommand<InspectSolutionsCommand>("inspect-solutions").WithExample("inspect-solutions", "quickstart");
        config.AddCommand<CompareCommand>("compare").WithExample("compare", "quickstart", "v1");
        config.AddCommand<ShowCommand>("show").WithExample("show", "876620f3e347");
        config.AddBranch("workspace", workspace =>
        {
            workspace.SetDescription("Move a workspace between machines as a verified tarball");
            workspace.AddCommand<WorkspaceExportCommand>("export");
            workspace.AddCommand<WorkspaceImportCommand>("import");
        });
        config.AddBranch("config", settings =>
        {
            settings.SetDescription("Read and change sigil.json");
            settings.SetDefaultCommand<ConfigListCommand>();
            settings.AddCommand<ConfigListCommand>("list");
            settings.AddCommand<ConfigGetCommand>("get");
            settings.AddCommand<ConfigSetCommand>("set");
        });
        config.AddBranch("keys", keys =>
        {
            keys.SetDescription("Create signing keys and choose which keys this project trusts (sigil.keys.json)");
            keys.SetDefaultCommand<KeysListCommand>();
            keys.AddCommand<KeysNewCommand>("new");
            keys.AddCommand<KeysListCommand>("list");
            keys.AddCommand<KeysTrustCommand>("trust");
            keys.AddCommand<KeysRevokeCommand>("revoke");
        });
        config.AddCommand<PromoteCommand>("promote")
            .WithExample("promote", "quickstart", "v1", "--key", "release")
            .WithExample("promote", "quickstart", "v1", "876620f3e347", "--key", "release", "--out", "release.manifest.json", "--expires", "30d", "--constraint", "'speedup_ci_low>1.05'");
        config.AddCommand<VerifyCommand>("verify").WithExample("verify", "sigil.manifest.json");
        config.AddCommand<PublishCommand>("publish")
            .WithExample("publish", "sigil.manifest.json")
            .WithExample("publish", "sigil.manifest.json", "--branch", "sigil/quickstart-1", "--patch", "../quickstart-1.patch");
    }

    /// <summary>Prints <paramref name="message"/> as the one error line on stderr and returns <paramref name="code"/>.</summary>
    internal static int Fail(int code, string message)
    {
        Console.Error.WriteLine("error: " + message.ReplaceLineEndings(" "));
        return code;
    }
}
