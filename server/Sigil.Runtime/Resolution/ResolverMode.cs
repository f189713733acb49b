namespace Sigil.Runtime.Resolution;

/// <summary>How the resolver maps pinned calls to implementations.</summary>
public enum ResolverMode
{
    /// <summary>Always the baselines; no manifest is read.</summary>
    Off,

    /// <summary>
    /// For development: pins that check out are served one by one even when others do not, an unverifiable manifest is
    /// applied with a logged warning, local overrides apply, and the manifest is reloaded when it changes (hot swap).
    /// </summary>
    Dev,

    /// <summary>Exactly one verified manifest, all pins or none: any failure serves every baseline, with the reason logged.</summary>
    Prod,
}
