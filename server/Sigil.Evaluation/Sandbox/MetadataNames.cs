using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace Sigil.Evaluation.Sandbox;

/// <summary>
/// Type names straight from metadata, with no loading: <c>Namespace.Outer+Inner</c>, generic arity kept (<c>System.Span`1</c>),
/// instantiations as <c>Name&lt;Arg,…&gt;</c>, pointers with <c>*</c> and function pointers as <c>delegate*</c>, so that a
/// signature uses a pointer exactly when one of its names contains <c>*</c>.
/// </summary>
internal sealed class MetadataNames(MetadataReader reader) : ISignatureTypeProvider<string, object?>
{
    public MetadataReader Reader { get; } = reader;

    public static bool IsPointer(string typeName) => typeName.Contains('*');

    /// <summary>The generic type definition's name: the instantiation's arguments dropped.</summary>
    public static string Definition(string typeName) => typeName.IndexOf('<') is var lt and > 0 ? typeName[..lt] : typeName;

    public string NameOf(TypeDefinitionHandle handle)
    {
        var type = Reader.GetTypeDefinition(handle);
        var name = Reader.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil) return NameOf(declaring) + "+" + name;
        var ns = Reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    public string NameOf(TypeReferenceHandle handle)
    {
        var type = Reader.GetTypeReference(handle);
        var name = Reader.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference) return NameOf((TypeReferenceHandle)type.ResolutionScope) + "+" + name;
        var ns = Reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>The name of a TypeDef, TypeRef or TypeSpec; null for any other handle.</summary>
    public string? NameOf(EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => NameOf((TypeDefinitionHandle)handle),
        HandleKind.TypeReference => NameOf((TypeReferenceHandle)handle),
        HandleKind.TypeSpecification => Reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null),
        _ => null,
    };

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode;
    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => NameOf(handle);
    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => NameOf(handle);
    public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
    public string GetSZArrayType(string elementType) => elementType + "[]";
    public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";
    public string GetByReferenceType(string elementType) => elementType + "&";
    public string GetPointerType(string elementType) => elementType + "*";
    public string GetPinnedType(string elementType) => elementType + " pinned";
    public string GetFunctionPointerType(MethodSignature<string> signature) => "delegate*";
    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType + "<" + string.Join(",", typeArguments) + ">";
    public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;
    public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;
    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
}
