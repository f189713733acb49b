namespace Sigil.Manifests.Model.Parsing;

/// <summary>Whether the document read must be signed (<c>manifest_id</c> and <c>signature</c> present) or a draft (both absent).</summary>
internal enum ManifestReadMode
{
    Signed,
    Unsigned,
}
