using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Sigil.Evaluation.Sandbox;

/// <summary>
/// The API policy check a compiled candidate must pass before it runs (issue 3, item 3): a static allow/deny check of
/// the image's IL against <see cref="ApiDenyList"/>, read with System.Reflection.Metadata (nothing is loaded or run).
/// </summary>
/// <remarks>
/// <para><b>What it catches</b>, in each checked method: every member the IL names through <c>call</c>, <c>callvirt</c>,
/// <c>newobj</c>, <c>ldftn</c>, <c>ldvirtftn</c>, <c>jmp</c>, field loads/stores/addresses and <c>ldtoken</c> (so method
/// groups turned into delegates count as calls), matched by declaring type and member name against the deny list
/// (file system, network, processes, environment, Reflection.Emit/expression compilation, Unsafe/Marshal/NativeMemory,
/// NativeLibrary, threads/thread pool/timers, late-bound reflection, assembly loading, <c>dynamic</c>); P/Invoke methods
/// (ImplMap: DllImport, and LibraryImport's generated stubs); <c>calli</c> (function pointers), <c>localloc</c> to a pointer,
/// pointer or function-pointer types in the method's signature, its locals or any member it names; and, when the whole
/// image is checked, a module marked unverifiable (<c>UnverifiableCodeAttribute</c>, <c>SkipVerification</c>), which is
/// what compiling with AllowUnsafeBlocks emits. <c>Span&lt;T&gt; s = stackalloc T[n]</c> (localloc straight into the Span
/// constructor) and spans over constant data are safe code and are not flagged.</para>
/// <para><b>What it is not</b>: a proof. It is defence in depth in front of the worker process. Anything reached by a name
/// that is only a string at run time behind an allowed door, any API missing from the deny list, and unsafe code in a
/// method that never names a pointer type (an integer cast to a pointer and dereferenced in place) get through. The
/// second line of defence is the runtime sandbox: a separate worker process with time and memory limits and, where the
/// machine offers it, OS isolation (no network, read-only file system).</para>
/// <para><b>Which code</b>: by default the whole image. The app's own baseline code may legitimately use File, the
/// network, unsafe code, …, so the evaluator should pass <c>isChangedCode</c> selecting the candidate's changed and added
/// methods — including accessors (<c>get_X</c>), constructors (<c>.ctor</c>, <c>.cctor</c>) and module initializers of
/// changed types. It is asked with <c>Namespace.Type::Method</c> metadata names (nested types with <c>+</c>, generic arity
/// as <c>`1</c>); code the compiler generates for a method (lambdas and closures, local functions, async and iterator
/// state machines) is also selected when its owner method is (<c>Ns.T::M</c> for <c>Ns.T+&lt;&gt;c::&lt;M&gt;b__0_0</c>),
/// so a candidate cannot hide a call in a lambda. Module-level markers are checked only with no predicate.</para>
/// </remarks>
public static class ApiPolicyChecker
{
    /// <summary>Checks <paramref name="peImage"/> against <paramref name="policy"/>.</summary>
    /// <param name="peImage">The compiled candidate (<see cref="Compilation.CompiledCandidate.Image"/>).</param>
    /// <param name="policy">What the candidate may use.</param>
    /// <param name="isChangedCode">
    /// Which methods to check, by <c>Namespace.Type::Method</c>; null checks the whole image. See the remarks.
    /// </param>
    /// <exception cref="BadImageFormatException">The image is not a readable .NET assembly.</exception>
    public static ApiPolicyReport Check(byte[] peImage, ApiPolicy policy, Func<string, bool>? isChangedCode = null)
    {
        ArgumentNullException.ThrowIfNull(peImage);
        ArgumentNullException.ThrowIfNull(policy);

        using var pe = new PEReader(ImmutableArray.Create(peImage));
        if (!pe.HasMetadata) throw new BadImageFormatException("The image has no .NET metadata.");
        var scan = new Scan(pe, policy);

        if (isChangedCode is null) scan.CheckModuleMarkers();

        var reader = scan.Reader;
        var checkedMethods = 0;
        foreach (var typeHandle in reader.TypeDefinitions)
        {
            var typeName = scan.Names.NameOf(typeHandle);
            foreach (var methodHandle in reader.GetTypeDefinition(typeHandle).GetMethods())
            {
                var methodName = reader.GetString(reader.GetMethodDefinition(methodHandle).Name);
                var location = typeName + "::" + methodName;
                if (isChangedCode is not null && !isChangedCode(location) && !(OwnerOf(typeName, methodName) is { } owner && isChangedCode(owner)))
                    continue;
                checkedMethods++;
                scan.CheckMethod(methodHandle, location);
            }
        }

        return new ApiPolicyReport(scan.Violations, checkedMethods);
    }

    /// <summary>
    /// The user method that compiler-generated code belongs to: <c>Ns.T::M</c> for <c>Ns.T+&lt;&gt;c::&lt;M&gt;b__0_0</c>,
    /// <c>Ns.T+&lt;M&gt;d__3::MoveNext</c>, <c>Ns.T::&lt;M&gt;g__Local|0_0</c>; null for ordinary methods.
    /// </summary>
    internal static string? OwnerOf(string typeName, string methodName)
    {
        string? owner = null;
        var type = typeName;
        while (type.LastIndexOf('+') is var plus and > 0 && type[plus + 1] == '<')
        {
            owner ??= GeneratedFor(type[(plus + 1)..]);
            type = type[..plus];
        }

        owner = GeneratedFor(methodName) ?? owner;
        return owner is null ? null : type + "::" + owner;
    }

    private static string? GeneratedFor(string name) =>
        name.StartsWith('<') && name.IndexOf('>') is var close and > 1 ? name[1..close] : null;

    private sealed class Scan(PEReader pe, ApiPolicy policy)
    {
        private readonly HashSet<ApiViolation> _seen = [];

        public MetadataReader Reader { get; } = pe.GetMetadataReader();
        public MetadataNames Names => field ??= new MetadataNames(Reader);
        public List<ApiViolation> Violations { get; } = [];

        private void Flag(ApiCapability capability, string member, string location)
        {
            if (capability == ApiCapability.None || policy.Allows(capability)) return;
            var violation = new ApiViolation(capability, member, location);
            if (_seen.Add(violation)) Violations.Add(violation);
        }

        public void CheckModuleMarkers()
        {
            foreach (var handle in Reader.GetModuleDefinition().GetCustomAttributes().Concat(Reader.GetAssemblyDefinition().GetCustomAttributes()))
            {
                var attribute = Reader.GetCustomAttribute(handle);
                var name = AttributeTypeName(attribute);
                if (name == "System.Security.UnverifiableCodeAttribute"
                    || name == "System.Security.Permissions.SecurityPermissionAttribute" && BlobMentions(attribute.Value, "SkipVerification"))
                    Flag(ApiCapability.Unsafe, name, "<module>");
            }

            foreach (var handle in Reader.DeclarativeSecurityAttributes)
            {
                if (BlobMentions(Reader.GetDeclarativeSecurityAttribute(handle).PermissionSet, "SkipVerification"))
                    Flag(ApiCapability.Unsafe, "SkipVerification", "<module>");
            }
        }

        private bool BlobMentions(BlobHandle blob, string text) =>
            Reader.GetBlobBytes(blob).AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;

        private string? AttributeTypeName(CustomAttribute attribute) => attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => Names.NameOf(Reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent),
            HandleKind.MethodDefinition => Names.NameOf(Reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType()),
            _ => null,
        };

        public void CheckMethod(MethodDefinitionHandle handle, string location)
        {
            var method = Reader.GetMethodDefinition(handle);

            var import = method.GetImport();
            if ((method.Attributes & MethodAttributes.PinvokeImpl) != 0 || !import.Module.IsNil)
            {
                var dll = import.Module.IsNil ? "?" : Reader.GetString(Reader.GetModuleReference(import.Module).Name);
                var entry = import.Name.IsNil ? Reader.GetString(method.Name) : Reader.GetString(import.Name);
                Flag(ApiCapability.PInvoke, dll + "!" + entry, location);
            }

            var signature = method.DecodeSignature(Names, null);
            FlagPointers([signature.ReturnType, .. signature.ParameterTypes], location);

            if (method.RelativeVirtualAddress == 0) return;
            var body = pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
                FlagPointers(Reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(Names, null), location);

            var il = Decode(body.GetILReader());
            for (var i = 0; i < il.Count; i++)
            {
                var (opCode, operand) = il[i];
                switch (opCode)
                {
                    case ILOpCode.Calli:
                        Flag(ApiCapability.Unsafe, "calli", location);
                        break;
                    case ILOpCode.Localloc:
                        if (!IsSpanFromPointer(il, i + 2)) Flag(ApiCapability.Unsafe, "localloc", location);
                        break;
                    case ILOpCode.Call or ILOpCode.Callvirt or ILOpCode.Newobj or ILOpCode.Ldftn or ILOpCode.Ldvirtftn or ILOpCode.Jmp
                        or ILOpCode.Ldfld or ILOpCode.Ldflda or ILOpCode.Stfld or ILOpCode.Ldsfld or ILOpCode.Ldsflda or ILOpCode.Stsfld
                        or ILOpCode.Ldtoken:
                        if (Member(MetadataTokens.EntityHandle(operand)) is not { } member) break;
                        Flag(ApiDenyList.Classify(member.Type, member.Name, member.Parameters), member.Type + "." + member.Name, location);
                        if (member.Signature.Any(MetadataNames.IsPointer) && !IsSafeSpanConstruction(il, i))
                            Flag(ApiCapability.Unsafe, member.Type + "." + member.Name, location);
                        break;
                }
            }
        }

        private void FlagPointers(IEnumerable<string> types, string location)
        {
            foreach (var type in types)
                if (MetadataNames.IsPointer(type)) Flag(ApiCapability.Unsafe, type, location);
        }

        /// <summary>
        /// <c>new Span&lt;T&gt;(void*, int)</c> as the compiler emits it for safe code: straight after <c>localloc</c>
        /// (<c>Span&lt;T&gt; s = stackalloc T[n]</c>) or the address of constant data in &lt;PrivateImplementationDetails&gt;
        /// (<c>ReadOnlySpan&lt;byte&gt; s = [1, 2, 3]</c>), with only the length loaded in between.
        /// </summary>
        private bool IsSafeSpanConstruction(List<(ILOpCode OpCode, int Operand)> il, int index)
        {
            if (!IsSpanFromPointer(il, index) || index < 2 || !IsSimpleLoad(il[index - 1].OpCode)) return false;
            var (source, operand) = il[index - 2];
            return source == ILOpCode.Localloc
                || source == ILOpCode.Ldsflda && Member(MetadataTokens.EntityHandle(operand)) is { } field
                    && field.Type.StartsWith("<PrivateImplementationDetails>", StringComparison.Ordinal);
        }

        /// <summary>Whether <paramref name="index"/> is <c>newobj Span`1/ReadOnlySpan`1::.ctor(void*, int32)</c> preceded by a simple load.</summary>
        private bool IsSpanFromPointer(List<(ILOpCode OpCode, int Operand)> il, int index) =>
            index < il.Count && index >= 1 && il[index].OpCode == ILOpCode.Newobj && IsSimpleLoad(il[index - 1].OpCode)
            && Member(MetadataTokens.EntityHandle(il[index].Operand)) is { Name: ".ctor", Type: "System.Span`1" or "System.ReadOnlySpan`1" } ctor
            && ctor.Parameters is ["System.Void*", "System.Int32"];

        private static bool IsSimpleLoad(ILOpCode op) =>
            op is >= ILOpCode.Ldarg_0 and <= ILOpCode.Ldloc_3 or ILOpCode.Ldarg_s or ILOpCode.Ldloc_s or ILOpCode.Ldarg or ILOpCode.Ldloc
                or >= ILOpCode.Ldc_i4_m1 and <= ILOpCode.Ldc_i4;

        private readonly record struct MemberName(string Type, string Name, ImmutableArray<string> Parameters, ImmutableArray<string> Signature);

        /// <summary>The member a token names: declaring type (instantiation dropped), name, parameter types and every type in its signature.</summary>
        private MemberName? Member(EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.MethodDefinition:
                {
                    var method = Reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                    var signature = method.DecodeSignature(Names, null);
                    return new MemberName(Names.NameOf(method.GetDeclaringType()), Reader.GetString(method.Name), signature.ParameterTypes,
                        [signature.ReturnType, .. signature.ParameterTypes]);
                }
                case HandleKind.FieldDefinition:
                {
                    var field = Reader.GetFieldDefinition((FieldDefinitionHandle)handle);
                    return new MemberName(Names.NameOf(field.GetDeclaringType()), Reader.GetString(field.Name), [], [field.DecodeSignature(Names, null)]);
                }
                case HandleKind.MemberReference:
                {
                    var reference = Reader.GetMemberReference((MemberReferenceHandle)handle);
                    var parent = reference.Parent.Kind == HandleKind.MethodDefinition
                        ? Names.NameOf(Reader.GetMethodDefinition((MethodDefinitionHandle)reference.Parent).GetDeclaringType())
                        : Names.NameOf(reference.Parent) ?? "<Module>";
                    var type = MetadataNames.Definition(parent);
                    var name = Reader.GetString(reference.Name);
                    if (reference.GetKind() == MemberReferenceKind.Field)
                        return new MemberName(type, name, [], [reference.DecodeFieldSignature(Names, null)]);
                    var signature = reference.DecodeMethodSignature(Names, null);
                    return new MemberName(type, name, signature.ParameterTypes, [signature.ReturnType, .. signature.ParameterTypes]);
                }
                case HandleKind.MethodSpecification:
                    return Member(Reader.GetMethodSpecification((MethodSpecificationHandle)handle).Method);
                default:
                    return null; // types (ldtoken typeof(T)), strings, signatures: nothing is called
            }
        }
    }

    /// <summary>Every instruction of a method body: opcode and its 4-byte token/int operand (0 for others).</summary>
    private static List<(ILOpCode OpCode, int Operand)> Decode(BlobReader reader)
    {
        var il = new List<(ILOpCode, int)>();
        while (reader.RemainingBytes > 0)
        {
            var first = reader.ReadByte();
            var opCode = first == 0xFE ? (ILOpCode)(0xFE00 | reader.ReadByte()) : (ILOpCode)first;
            var operand = 0;
            switch (OperandSize(opCode))
            {
                case 1: reader.ReadByte(); break;
                case 2: reader.ReadInt16(); break;
                case 4: operand = reader.ReadInt32(); break;
                case 8: reader.ReadInt64(); break;
                case -1:
                    var targets = reader.ReadInt32(); // switch: the count, then that many 4-byte targets
                    reader.Offset += 4 * targets;
                    break;
            }

            il.Add((opCode, operand));
        }

        return il;
    }

    /// <summary>The <c>no.</c> prefix (0xFE 0x19), missing from <see cref="ILOpCode"/>.</summary>
    private const ILOpCode NoPrefix = (ILOpCode)0xFE19;

    private static int OperandSize(ILOpCode opCode)
    {
        if (opCode.IsBranch()) return opCode.GetBranchOperandSize();
        return opCode switch
        {
            ILOpCode.Switch => -1,
            ILOpCode.Ldarg_s or ILOpCode.Ldarga_s or ILOpCode.Starg_s or ILOpCode.Ldloc_s or ILOpCode.Ldloca_s or ILOpCode.Stloc_s
                or ILOpCode.Ldc_i4_s or ILOpCode.Unaligned or NoPrefix => 1,
            ILOpCode.Ldarg or ILOpCode.Ldarga or ILOpCode.Starg or ILOpCode.Ldloc or ILOpCode.Ldloca or ILOpCode.Stloc => 2,
            ILOpCode.Ldc_i8 or ILOpCode.Ldc_r8 => 8,
            ILOpCode.Ldc_i4 or ILOpCode.Ldc_r4 or ILOpCode.Jmp or ILOpCode.Call or ILOpCode.Calli or ILOpCode.Callvirt or ILOpCode.Cpobj
                or ILOpCode.Ldobj or ILOpCode.Ldstr or ILOpCode.Newobj or ILOpCode.Castclass or ILOpCode.Isinst or ILOpCode.Unbox
                or ILOpCode.Ldfld or ILOpCode.Ldflda or ILOpCode.Stfld or ILOpCode.Ldsfld or ILOpCode.Ldsflda or ILOpCode.Stsfld
                or ILOpCode.Stobj or ILOpCode.Box or ILOpCode.Newarr or ILOpCode.Ldelema or ILOpCode.Ldelem or ILOpCode.Stelem
                or ILOpCode.Unbox_any or ILOpCode.Refanyval or ILOpCode.Mkrefany or ILOpCode.Ldtoken or ILOpCode.Ldftn
                or ILOpCode.Ldvirtftn or ILOpCode.Initobj or ILOpCode.Constrained or ILOpCode.Sizeof => 4,
            _ => 0,
        };
    }
}
