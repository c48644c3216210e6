using System.Reflection;

namespace NetClaims.Claims;

/// <summary>
/// Where claims come from. The runner, the command line and a user's own xunit gate all take their claims from a
/// source, so a paper's claims can live in any assembly — they need this core, and whatever mathematics they use,
/// but not NetClaims' neural-network library.
/// </summary>
public interface IClaimSource
{
    /// <summary>A short name for messages (e.g. the assembly's).</summary>
    string Name { get; }

    /// <summary>The claims, in catalogue order; ids are unique (checked by <see cref="ClaimValidators.UniqueIds"/>).</summary>
    IReadOnlyList<Claim> Claims { get; }

    /// <summary>The assemblies the claims' verdicts depend on: inputs of the build fingerprint that lets a gate reuse a
    /// report only if it was made by the same code.</summary>
    IReadOnlyList<Assembly> Assemblies { get; }
}

/// <summary>Ready-made claim sources.</summary>
public static class ClaimSource
{
    /// <summary>A fixed list of claims.</summary>
    public static IClaimSource Of(string name, IReadOnlyList<Claim> claims, params Assembly[] assemblies) =>
        new ListSource(name, claims, [typeof(Claim).Assembly, .. assemblies]);

    /// <summary>
    /// The claims of an assembly, by the discovery rule: every public non-abstract class that implements
    /// <see cref="IClaimSource"/> and has a public parameterless constructor contributes its claims (classes in order of
    /// their full names); an assembly without such a class contributes every public static property of type
    /// <see cref="Claim"/> declared on a public static class (classes by full name, properties in declaration order).
    /// An assembly with neither rule's members is a one-line usage error.
    /// </summary>
    public static IClaimSource FromAssembly(Assembly assembly)
    {
        var name = assembly.GetName().Name ?? assembly.FullName ?? "assembly";
        var types = assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal).ToArray();
        var sources = types.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IClaimSource).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IClaimSource)Activator.CreateInstance(t)!).ToArray();
        if (sources.Length > 0)
            return new ListSource(name, sources.SelectMany(s => s.Claims).ToArray(),
                sources.SelectMany(s => s.Assemblies).Append(typeof(Claim).Assembly).Append(assembly).Distinct().ToArray());
        var claims = types.Where(t => t.IsAbstract && t.IsSealed) // static classes
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == typeof(Claim)).OrderBy(p => p.MetadataToken))
            .Select(p => (Claim)p.GetValue(null)!)
            .ToArray();
        if (claims.Length == 0)
            throw new Reports.UsageException($"{name} declares no claims (expected a public class implementing IClaimSource, or public static Claim properties on a public static class)");
        return new ListSource(name, claims, [typeof(Claim).Assembly, assembly]);
    }

    sealed record ListSource(string Name, IReadOnlyList<Claim> Claims, IReadOnlyList<Assembly> Assemblies) : IClaimSource;
}
