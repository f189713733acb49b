using System.Reflection;
using System.Runtime.Loader;

namespace Sigil.Runtime.Resolution;

/// <summary>
/// The artifacts a resolver has loaded and the delegates it has bound from them: each artifact is loaded once (by
/// digest) into a non-collectible load context of its own (a context holds one assembly of a name, and in dev a
/// candidate's artifact compiled again against a changed build has other bytes under the same name), and each
/// (artifact, method, delegate type) is bound once, so a dev reload of an unchanged manifest reuses them. Created with
/// the first artifact, off the app's start-up path. Not thread-safe: the resolver makes one decision at a time.
/// </summary>
internal sealed class LoadedArtifacts
{
    private readonly Dictionary<string, Assembly> _loaded = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Digest, string EntryType, string Method, Type DelegateType), Delegate> _bound = new();

    /// <summary>The method <paramref name="methodName"/> of the artifact's entry type as <paramref name="delegateType"/>, or throws <see cref="ResolutionException"/>.</summary>
    public Delegate Bind(string digest, string entryType, string methodName, Type delegateType, byte[] image)
    {
        // Each pin binds its own method and delegate type: two pins naming one artifact must not share the delegate bound first.
        var key = (digest, entryType, methodName, delegateType);
        if (!_bound.TryGetValue(key, out var implementation))
        {
            if (!_loaded.TryGetValue(digest, out var assembly))
            {
                assembly = ArtifactBinder.Load(new AssemblyLoadContext("Sigil approved candidate " + digest, isCollectible: false), image);
                _loaded[digest] = assembly;
            }
            implementation = ArtifactBinder.Bind(assembly, entryType, methodName, delegateType);
            _bound[key] = implementation;
        }
        return implementation;
    }
}
