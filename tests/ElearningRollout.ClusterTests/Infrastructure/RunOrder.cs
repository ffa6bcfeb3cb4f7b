using Xunit.Abstractions;
using Xunit.Sdk;

namespace ElearningRollout.ClusterTests.Infrastructure;

/// <summary>The place of a test in its class's run: the test that kills an instance runs after those that need both.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RunOrderAttribute(int position) : Attribute
{
    public int Position { get; } = position;
}

/// <summary>Runs a class's tests by <see cref="RunOrderAttribute"/> (xunit's own order is not the source order).</summary>
public sealed class ByRunOrder : ITestCaseOrderer
{
    public const string TypeName = "ElearningRollout.ClusterTests.Infrastructure.ByRunOrder";
    public const string AssemblyName = "ElearningRollout.ClusterTests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase
        => testCases.OrderBy(test => test.TestMethod.Method.GetCustomAttributes(typeof(RunOrderAttribute).AssemblyQualifiedName!)
            .FirstOrDefault()?.GetConstructorArguments().Cast<int>().First() ?? int.MaxValue);
}
