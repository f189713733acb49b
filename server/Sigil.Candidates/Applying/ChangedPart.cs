namespace Sigil.Candidates.Applying;

/// <summary>Which part of the syntax a <see cref="MemberChange"/> is about.</summary>
public enum ChangedPart
{
    /// <summary>A member of a type (method, constructor, field, property, ...), without its attribute lists.</summary>
    Member = 0,

    /// <summary>A member's attribute lists.</summary>
    Attributes = 1,

    /// <summary>A type's own declaration: attributes, modifiers, name, base list, braces and the order of its members.</summary>
    Type = 2,

    /// <summary>The using directives (and extern aliases) of a file.</summary>
    Usings = 3,

    /// <summary>Everything else in a file: namespaces, top-level statements, the order of its types.</summary>
    File = 4,
}
