using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Sigil.Projects.Pins;

/// <summary>Reads the <c>[assembly: SigilPin(...)]</c> attributes of a built assembly without loading it.</summary>
public static class PinCatalogReader
{
    private const string AttributeNamespace = "Sigil.Runtime";
    private const string AttributeName = "SigilPinAttribute";

    /// <summary>The pins of <paramref name="assemblyPath"/>, in declaration order.</summary>
    public static IReadOnlyList<PinEntry> Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        return Read(stream, assemblyPath);
    }

    /// <summary>The pins of an assembly image in memory (for example a compiled baseline), in declaration order.</summary>
    /// <param name="image">The PE image.</param>
    /// <param name="name">What to call the image in messages.</param>
    public static IReadOnlyList<PinEntry> Read(byte[] image, string name)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var stream = new MemoryStream(image, writable: false);
        return Read(stream, name);
    }

    private static IReadOnlyList<PinEntry> Read(Stream stream, string assemblyPath)
    {
        try
        {
            using var pe = new PEReader(stream, PEStreamOptions.LeaveOpen);
            if (!pe.HasMetadata)
            {
                throw new SigilProjectException($"{assemblyPath} is not a .NET assembly.");
            }
            var metadata = pe.GetMetadataReader();
            var pins = new List<PinEntry>();
            foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
            {
                var attribute = metadata.GetCustomAttribute(handle);
                if (!IsPinAttribute(metadata, attribute))
                {
                    continue;
                }
                var value = attribute.DecodeValue(new StringTypeProvider());
                var args = value.FixedArguments;
                pins.Add(new PinEntry((string)args[0].Value!, (string)args[1].Value!, (string)args[2].Value!, (string)args[3].Value!, (string)args[4].Value!, (int)args[5].Value!));
            }
            return pins;
        }
        catch (BadImageFormatException ex)
        {
            throw new SigilProjectException($"{assemblyPath} is not a readable .NET assembly ({ex.Message}); rebuild the project.", ex);
        }
    }

    private static bool IsPinAttribute(MetadataReader metadata, CustomAttribute attribute)
    {
        EntityHandle type = attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
            HandleKind.MethodDefinition => metadata.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
            _ => default,
        };
        return type.Kind switch
        {
            HandleKind.TypeReference => Matches(metadata, metadata.GetTypeReference((TypeReferenceHandle)type).Namespace, metadata.GetTypeReference((TypeReferenceHandle)type).Name),
            HandleKind.TypeDefinition => Matches(metadata, metadata.GetTypeDefinition((TypeDefinitionHandle)type).Namespace, metadata.GetTypeDefinition((TypeDefinitionHandle)type).Name),
            _ => false,
        };
    }

    private static bool Matches(MetadataReader metadata, StringHandle ns, StringHandle name) =>
        metadata.StringComparer.Equals(ns, AttributeNamespace) && metadata.StringComparer.Equals(name, AttributeName);

    private sealed class StringTypeProvider : ICustomAttributeTypeProvider<string>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSystemType() => "System.Type";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeDefinition(handle).Name);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeReference(handle).Name);

        public string GetTypeFromSerializedName(string name) => name;

        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;

        public bool IsSystemType(string type) => type == "System.Type";
    }
}
