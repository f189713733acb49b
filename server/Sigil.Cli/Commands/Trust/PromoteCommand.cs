using System.ComponentModel;
using Sigil.Cli.Output;
using Sigil.Manifests.Keys;
using Sigil.Manifests.Model;
using Sigil.Projects;
using Sigil.Trust.Errors;
using Sigil.Trust.Policy;
using Sigil.Trust.Artifacts;
using Sigil.Trust.Promotion;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sigil.Cli.Commands.Trust;

/// <summary>
/// <c>sigil promote SPEC WS [CANDIDATE...] --key K</c>: signs a manifest binding the spec's pins to approved candidates,
/// from stored evidence only (<see cref="PromoteService"/>), and compiles each approved method into
/// <c>sigil-artifacts/</c> beside it for the prod resolver (<see cref="ProjectArtifactCompiler"/>; skipped with
/// <c>--no-artifacts</c>). A refusal is one error line naming the exact unmet clause, and nothing is written.
/// </summary>
[Description("Sign a manifest that approves candidates for production, if their stored evidence meets the policy")]
public sealed class PromoteCommand : AsyncCommand<PromoteCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : ProjectSettings
    {
        /// <summary>The spec.</summary>
        [CommandArgument(0, "<SPEC>")]
        [Description("The spec whose pins are promoted")]
        public string Spec { get; init; } = "";

        /// <summary>The workspace.</summary>
        [CommandArgument(1, "<WS>")]
        [Description("The workspace the candidates come from (the run's --name)")]
        public string Workspace { get; init; } = "";

        /// <summary>The candidates, at most one per pin.</summary>
        [CommandArgument(2, "[CANDIDATE]")]
        [Description("Candidates to promote (diff://b3:… or a 6+ digit prefix), at most one per pin; default: each pin's best with accepted holdout or compare evidence")]
        public string[] Candidates { get; init; } = [];

        /// <summary>The signing key's name.</summary>
        [CommandOption("-k|--key <NAME>")]
        [Description("Your signing key (see 'sigil keys list'); the project must trust it in sigil.keys.json")]
        public string? Key { get; init; }

        /// <summary>Where to write the manifest.</summary>
        [CommandOption("-o|--out <FILE>")]
        [Description("Where to write the signed manifest (default: sigil.manifest.json in the project folder)")]
        public string? Out { get; init; }

        /// <summary>Replace an existing output file.</summary>
        [CommandOption("--force")]
        [Description("Replace the output file if it exists (the copy kept in .sigil/manifests is never replaced)")]
        public bool Force { get; init; }

        /// <summary>How long the manifest stays valid.</summary>
        [CommandOption("--expires <DURATION>")]
        [Description("How long the manifest stays valid: a number and m, h, d, w or y, between 1m and 3660d (default 90d)")]
        public string Expires { get; init; } = "90d";

        /// <summary>Which default policy applies.</summary>
        [CommandOption("--objective <speed|score>")]
        [Description("The default policy: speed (speedup_ci_low > 1, the default) or score (score_delta_ci_low > 0); both require correct == 1")]
        public string Objective { get; init; } = "speed";

        /// <summary>Constraint clauses.</summary>
        [CommandOption("--constraint <CLAUSE>")]
        [Description("A policy clause METRIC OP NUMBER (OP: >= > <= < ==), e.g. 'speedup_ci_low>1.05' or 'p99_ns<=120000'; replaces the default on that metric; repeatable")]
        public string[] Constraints { get; init; } = [];

        /// <summary>The non-inferiority clause.</summary>
        [CommandOption("--non-inferiority <CLAUSE>")]
        [Description("METRIC>=DELTA on the candidate − baseline interval, e.g. 'score_delta>=-0.0002', or 'none' (default: score_delta>=0 when every pin has a score interval)")]
        public string? NonInferiority { get; init; }

        /// <summary>The author.</summary>
        [CommandOption("--author <TEXT>")]
        [Description("Who promotes (default: git config user.email in the project, else your user name)")]
        public string? Author { get; init; }

        /// <summary>Skip compiling artifacts.</summary>
        [CommandOption("--no-artifacts")]
        [Description("Do not compile the approved methods for the prod resolver (faster; the manifest can still be published, but prod serves baselines for it)")]
        public bool NoArtifacts { get; init; }

        /// <summary>The parsed <see cref="Expires"/>, set by <see cref="Validate"/>.</summary>
        internal TimeSpan Expiry { get; private set; } = PromoteRequest.DefaultExpiry;

        /// <summary>The parsed <see cref="Objective"/>, set by <see cref="Validate"/>.</summary>
        internal PromotionObjective ParsedObjective { get; private set; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Spec) || string.IsNullOrWhiteSpace(Workspace))
            {
                return ValidationResult.Error("Name the spec and the workspace, e.g. 'sigil promote quickstart v1 --key release'.");
            }
            if (string.IsNullOrWhiteSpace(Key))
            {
                return ValidationResult.Error("--key NAME is required: the signing key to sign with (see 'sigil keys list', or create one with 'sigil keys new NAME --trust').");
            }
            if (!KeyName.IsValid(Key))
            {
                return ValidationResult.Error($"--key '{Key}' is not a key name; use 1 to 64 characters from a-z, 0-9, '.', '_' and '-' (see 'sigil keys list').");
            }
            if (ExpiryText.Parse(Expires, out var error) is not { } expiry)
            {
                return ValidationResult.Error(error!);
            }
            Expiry = expiry;
            switch (Objective.Trim().ToLowerInvariant())
            {
                case "speed":
                    ParsedObjective = PromotionObjective.Speed;
                    break;
                case "score":
                    ParsedObjective = PromotionObjective.Score;
                    break;
                default:
                    return ValidationResult.Error($"--objective '{Objective}' is not an objective; give speed (the default) or score.");
            }
            if (Out is not null && string.IsNullOrWhiteSpace(Out))
            {
                return ValidationResult.Error("--out needs a file path, e.g. --out release.manifest.json.");
            }
            if (Candidates.FirstOrDefault(string.IsNullOrWhiteSpace) is not null)
            {
                return ValidationResult.Error("A CANDIDATE is empty; give candidate ids (diff://b3:…) or digest prefixes of at least 6 hex digits.");
            }
            foreach (var clause in Constraints)
            {
                if (Clause(clause) is { } problem)
                {
                    return ValidationResult.Error("--constraint " + problem);
                }
            }
            if (NonInferiority is { } rule && !string.Equals(rule.Trim(), PromotionPolicy.NoNonInferiority, StringComparison.OrdinalIgnoreCase)
                && (Clause(rule) is not null || PolicyClause.Parse(rule).Op != ">="))
            {
                return ValidationResult.Error(
                    $"--non-inferiority '{rule}' is not a non-inferiority clause; write METRIC>=DELTA (the lowest acceptable lower bound of the candidate − baseline interval), e.g. 'score_delta>=-0.0002', or 'none'.");
            }
            return ValidationResult.Success();
        }

        /// <summary>Null when <paramref name="text"/> is a policy clause, else what is wrong with it.</summary>
        private static string? Clause(string text)
        {
            try
            {
                PolicyClause.Parse(text);
                return null;
            }
            catch (TrustException e)
            {
                return e.Message;
            }
        }
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var paths = ProjectLocator.Find(settings.Project, Environment.CurrentDirectory);
        var request = new PromoteRequest(paths, settings.Spec, settings.Workspace, settings.Key!)
        {
            Candidates = settings.Candidates.Length == 0 ? null : settings.Candidates,
            Author = settings.Author,
            Objective = settings.ParsedObjective,
            Constraints = settings.Constraints.Length == 0 ? null : settings.Constraints,
            NonInferiority = settings.NonInferiority,
            Expiry = settings.Expiry,
            // The service reads relative paths from the project folder; on the command line they are from the current one.
            OutputPath = settings.Out is null ? null : Path.GetFullPath(settings.Out, Environment.CurrentDirectory),
            Force = settings.Force,
        };
        var service = new PromoteService(artifacts: settings.NoArtifacts ? null : new ProjectArtifactCompiler());
        var result = await service.PromoteAsync(request, cancellationToken).ConfigureAwait(false);
        var document = result.Document;
        var keyId = document.Signature?.KeyId ?? "";
        if (settings.Json)
        {
            CliConsole.Json(new
            {
                manifest_id = result.ManifestId,
                manifest_path = result.ManifestPath,
                record_path = result.RecordPath,
                spec = document.Spec,
                workspace = document.Workspace,
                sequence = result.Sequence,
                created_at = ManifestText.Time(document.CreatedAt),
                expires_at = ManifestText.Time(document.ExpiresAt),
                author = document.Author,
                key_id = keyId,
                codebase = new { repo = document.Codebase.Repo, commit = document.Codebase.Commit },
                policy = new
                {
                    constraints = document.Policy.Constraints.OrderBy(c => c.Key, StringComparer.Ordinal)
                        .ToDictionary(c => c.Key, c => new { op = c.Value.Op, value = c.Value.Value }),
                    non_inferiority = document.Policy.NonInferiority is { } rule ? new { metric = rule.Metric, delta = rule.Delta } : null,
                },
                pins = result.Pins.Select(p => new
                {
                    pin = p.QualifiedName,
                    function_id = p.FunctionId.ToString(),
                    candidate = p.Candidate.ToString(),
                    evaluator = p.Evaluator,
                    evaluation_id = p.EvaluationId,
                    evaluated_at = ManifestText.Time(p.EvaluatedAt),
                    metrics = p.Metrics,
                    n_trials = p.Evidence.NTrials,
                    ci = p.Evidence.Ci.ToDictionary(c => c.Key, c => new { low = c.Value.Low, high = c.Value.High }),
                    evidence = p.Summary,
                    artifact = p.Artifact is { } artifact ? new { digest = artifact.Digest, entry_type = artifact.EntryType, size = artifact.Size } : null,
                }),
                warnings = result.Warnings,
            });
            return 0;
        }

        CliConsole.Line($"Promoted [bold]{Markup.Escape(result.ManifestId)}[/]");
        CliConsole.Line($"  spec:      {Markup.Escape(document.Spec)} (workspace {Markup.Escape(document.Workspace)}), sequence {result.Sequence}");
        CliConsole.Line($"  written:   {Markup.Escape(result.ManifestPath)}");
        CliConsole.Line($"  kept:      {Markup.Escape(result.RecordPath)}");
        CliConsole.Line($"  signed by: {Markup.Escape(ManifestText.Signer(paths.ProjectDirectory, keyId))}");
        CliConsole.Line($"  expires:   {ManifestText.Time(document.ExpiresAt)}");
        CliConsole.Line($"  codebase:  {Markup.Escape(document.Codebase.Repo)} @ {Markup.Escape(document.Codebase.Commit)}");
        CliConsole.Line($"[bold]Pins[/] ({result.Pins.Count}):");
        foreach (var pin in result.Pins)
        {
            CliConsole.Line($"  [green]{Markup.Escape(pin.QualifiedName)}[/] ← {Markup.Escape(ManifestText.Short(pin.Candidate.ToString()))}: " +
                $"{Markup.Escape(pin.Summary)} [grey]({Markup.Escape(pin.Evaluator)}, {ManifestText.Time(pin.EvaluatedAt)})[/]");
            CliConsole.Line(pin.Artifact is { } artifact
                ? $"    artifact {Markup.Escape(ManifestText.Short(artifact.Digest))} ({artifact.Size} bytes, {Markup.Escape(artifact.EntryType)}) in {Markup.Escape(Path.Combine(Path.GetDirectoryName(result.ManifestPath)!, PinArtifact.FolderName))}"
                : "    [yellow]no artifact: publish only, prod serves the baseline[/]");
        }
        ManifestText.Warnings(result.Warnings);
        CliConsole.Line($"Next: 'sigil verify {Markup.Escape(result.ManifestPath)}', then commit it and 'sigil publish' it.");
        return 0;
    }
}
