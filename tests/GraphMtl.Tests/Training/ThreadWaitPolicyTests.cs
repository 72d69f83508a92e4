using GraphMtl.Training;

namespace GraphMtl.Tests.Training;

[Collection(EngineCollection.Name)]
public sealed class ThreadWaitPolicyTests
{
    [Fact]
    public void Should_Choose_Passive_Waiting_Only_When_The_User_Did_Not_Choose()
    {
        string? saved = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY");
        try
        {
            Environment.SetEnvironmentVariable("OMP_WAIT_POLICY", "ACTIVE");
            ThreadWaitPolicy.PreferPassive();
            Assert.Equal("ACTIVE", Environment.GetEnvironmentVariable("OMP_WAIT_POLICY"));

            Environment.SetEnvironmentVariable("OMP_WAIT_POLICY", null);
            ThreadWaitPolicy.PreferPassive();
            Assert.Equal(OperatingSystem.IsWindows() ? null : "PASSIVE", Environment.GetEnvironmentVariable("OMP_WAIT_POLICY"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("OMP_WAIT_POLICY", saved);
        }
    }
}
