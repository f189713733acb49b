using Sigil.Manifests.Applied;
using Sigil.Manifests.Verification;
using Sigil.Trust.Errors;
using Sigil.Trust.Projects;

namespace Sigil.Trust.Applied;

/// <summary>The project's <c>.sigil/resolver/applied.json</c> (written by the runtime resolver), read with trust errors.</summary>
internal static class AppliedRecord
{
    /// <summary>The spec's last applied manifest, or null.</summary>
    /// <exception cref="TrustException">The file is damaged (<see cref="TrustErrorCodes.AppliedManifests"/>).</exception>
    public static AppliedManifest? Find(ProjectLayout layout, string spec)
    {
        try
        {
            return new AppliedManifests(layout.SigilDirectory).Find(spec);
        }
        catch (AppliedManifestsException e)
        {
            throw new TrustException(TrustErrorCodes.AppliedManifests, e.Message, e);
        }
    }
}
