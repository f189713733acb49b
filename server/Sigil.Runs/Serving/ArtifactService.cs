using Sigil.Evaluation.Compilation;
using Sigil.Runs.Inspection;
using Sigil.Runs.Pins;
using Sigil.Workspace.Store;

namespace Sigil.Runs.Serving;

/// <summary>
/// Compiles approved candidates ahead of time for the runtime resolver (<c>sigil promote</c> signs the result): each
/// candidate is rebuilt from its diff chain against the current sources and its pin's method compiled alone
/// (<see cref="MethodOnlyCompiler"/>, deterministic, named after the candidate), so production never runs a compiler.
/// A candidate that is not a change of a static pin's method alone gets no artifact and says why.
/// </summary>
public sealed class ArtifactService
{
    /// <summary>Compiles the candidates of <paramref name="request"/>, in order.</summary>
    /// <exception cref="RunException">The project does not load or compile, or a candidate is unknown or no longer applies.</exception>
    public async Task<IReadOnlyList<CompiledArtifact>> CompileAsync(ArtifactRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ProjectSession session;
        try
        {
            session = await ProjectSession.OpenAsync(request.ProjectFile, null, null, ct).ConfigureAwait(false);
        }
        catch (ProjectLoadException e)
        {
            throw new RunException(e.Message, e);
        }
        using (session)
        {
            var compiler = new CandidateCompiler(session);
            if (compiler.CompileBaseline(ct) is not CompiledCandidate baseline)
            {
                throw new RunException($"{Path.GetFileName(request.ProjectFile)} does not compile as it is; fix it and promote again.");
            }
            var pins = PinResolver.Resolve(session, baseline, request.Spec);
            var methodOnly = new MethodOnlyCompiler(session);
            using var store = LiteDbWorkspaceStore.Open(request.SigilDirectory);
            var results = new List<CompiledArtifact>();
            foreach (var id in request.Candidates)
            {
                var record = store.GetCandidate(id) ?? throw new RunException($"{id} is not in the workspace of {request.SigilDirectory}.");
                var pin = pins.FirstOrDefault(p => RunService.SameCode(p.FunctionId, record.FunctionId));
                if (pin is null)
                {
                    results.Add(new CompiledArtifact(id, null, null, $"{record.FunctionId.QualifiedName} has changed since the candidate was made"));
                    continue;
                }
                var sources = CompareService.Sources(store, session.Sources, record);
                var name = $"{baseline.AssemblyName}.SigilApproved_{id.Digest[..16]}";
                var compiled = methodOnly.CompileArtifact(sources, pin.Method, name, out var whyNot, ct);
                results.Add(compiled is null
                    ? new CompiledArtifact(id, null, null, whyNot ?? "the method does not compile on its own")
                    : new CompiledArtifact(id, compiled.Image, compiled.EntryTypeName, null));
            }
            return results;
        }
    }
}
