using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ParServerless.Functions.Http;

namespace ParServerless.Worker.Tests;

/// <summary>
/// <see cref="AspNetCoreIntegration"/> registers what the Functions worker's ASP.NET Core integration registers, MVC left out,
/// and nothing when the package does not have what it looks for. Fails when a new version of the integration package
/// registers something else: the pinned version and that class are then to be looked at together.
/// </summary>
public sealed class AspNetCoreIntegrationTest
{
    /// <summary>A service registration as a comparable text: service, lifetime, and what provides it.</summary>
    private static string Key(ServiceDescriptor d)
    {
        var keyed = d.IsKeyedService;
        var type = keyed ? d.KeyedImplementationType : d.ImplementationType;
        var instance = keyed ? d.KeyedImplementationInstance : d.ImplementationInstance;
        var factory = keyed ? d.KeyedImplementationFactory?.Method : d.ImplementationFactory?.Method;
        var provider = type?.FullName ?? instance?.GetType().FullName ?? (factory is null ? "?" : $"{factory.DeclaringType?.FullName}.{factory.Name}");
        return string.Join(" | ", d.ServiceType.FullName, d.Lifetime, keyed ? "keyed " + d.ServiceKey : "", provider);
    }

    private static FunctionsApplicationBuilder Standard()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.ConfigureFunctionsWebApplication();
        return builder;
    }

    private static (FunctionsApplicationBuilder Builder, bool Registered) WithoutMvc()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        var registered = AspNetCoreIntegration.RegisterWithoutMvc(builder);
        builder.ConfigureFunctionsWebApplication();
        return (builder, registered);
    }

    private static bool IsMvc(ServiceDescriptor d) =>
        new[] { d.ServiceType, d.ImplementationType, d.ImplementationInstance?.GetType() }.Any(t => t?.Assembly.GetName().Name is { } name
            && (name.StartsWith("Microsoft.AspNetCore.Mvc", StringComparison.Ordinal) || name.StartsWith("Microsoft.AspNetCore.Razor", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal) || name == "Microsoft.AspNetCore.Antiforgery"
                || name == "Microsoft.AspNetCore.DataProtection"));

    [Fact]
    public void RegisterWithoutMvc_RegistersWhatThePackageRegisters_LessWhatAddMvcAdds()
    {
        var standardBuilder = Standard();
        var standard = standardBuilder.Services.Select(Key).ToList();
        var (lean, registered) = WithoutMvc();
        Assert.True(registered);
        var leanKeys = lean.Services.Select(Key).ToList();
        // The package's registration minus everything AddMvc() would register by itself.
        var mvc = new ServiceCollection().AddMvc().Services.Select(Key).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(standard, mvc.Contains);

        var missing = standard.Where(k => !mvc.Contains(k)).ToList();
        foreach (var key in leanKeys) missing.Remove(key);
        Assert.Empty(missing);
        var extra = leanKeys.ToList();
        foreach (var key in standard) extra.Remove(key);
        Assert.Empty(extra);
        Assert.DoesNotContain(lean.Services, IsMvc);
        Assert.Contains(standardBuilder.Services, IsMvc);
    }

    [Fact]
    public void RegisterWithoutMvc_ConfiguresTheWorkerAsThePackageDoes()
    {
        using var standard = Standard().Services.BuildServiceProvider();
        using var lean = WithoutMvc().Builder.Services.BuildServiceProvider();
        var expected = standard.GetRequiredService<IOptions<WorkerOptions>>().Value;
        var actual = lean.GetRequiredService<IOptions<WorkerOptions>>().Value;

        Assert.Equal(expected.InputConverters, actual.InputConverters);
        Assert.Equal("HttpContextConverter", actual.InputConverters.First().Name);
        Assert.Equal(expected.Capabilities.OrderBy(c => c.Key), actual.Capabilities.OrderBy(c => c.Key));
        Assert.StartsWith("http://localhost:", actual.Capabilities["HttpUri"], StringComparison.Ordinal);
        // The proxying middleware resolves, with the coordinator it needs.
        var middleware = typeof(FunctionsApplicationBuilderAspNetCoreExtensions).Assembly
            .GetType("Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore.FunctionsHttpProxyingMiddleware", throwOnError: true)!;
        Assert.NotNull(lean.GetRequiredService(middleware));
    }

    [Fact]
    public void RegisterWithoutMvc_WhenThePackageLacksItsTypes_RegistersNothing_AndThePackageRegistersMvcAsBefore()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        var before = builder.Services.Select(Key).ToList();

        Assert.False(AspNetCoreIntegration.RegisterWithoutMvc(builder, typeof(object).Assembly));
        Assert.Equal(before, builder.Services.Select(Key));

        builder.ConfigureFunctionsWebApplication();
        Assert.Contains(builder.Services, IsMvc);
        Assert.Equal(Standard().Services.Select(Key).Order(StringComparer.Ordinal), builder.Services.Select(Key).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Without MVC the integration cannot run an <c>IActionResult</c> nor bind a <c>[FromBody]</c> parameter; no function may
    /// need either.
    /// </summary>
    [Fact]
    public void Functions_ReturnNoActionResult_AndBindNoBodyThroughMvc()
    {
        var functions = typeof(AspNetCoreIntegration).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .ToList();
        Assert.True(functions.Count > 50, $"{functions.Count} functions found");

        static IEnumerable<Type> Unwrapped(Type type) => type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrapped).Prepend(type) : [type];
        Assert.All(functions, f =>
        {
            Assert.DoesNotContain(Unwrapped(f.ReturnType), t => typeof(IActionResult).IsAssignableFrom(t));
            Assert.DoesNotContain(f.GetParameters(), p => p.GetCustomAttributes().Any(a => a.GetType().Name == "FromBodyAttribute"));
        });
        Assert.Contains(functions, f => Unwrapped(f.ReturnType).Any(t => typeof(IResult).IsAssignableFrom(t)));
    }
}
