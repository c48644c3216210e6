using NetClaims.Properties.Pow23;

namespace NetClaims.Tests.LinearLayers;

/// <summary>
/// The two schedules of the POW students. The recipe ([SRC:code]) drops the learning rate ×0.1 and switches weight decay
/// off for its last 100 epochs, so a run truncated to E epochs keeps that 100-epoch tail; the scaled runs use the last tenth.
/// </summary>
public sealed class PowScheduleTests
{
    [Theory]
    [InlineData(60_100, 60_000)] // the recipe's full schedule: MultiStepLR at epochs − 100
    [InlineData(3_900, 3_800)]   // the deep profile's truncation: the same 100-epoch tail
    [InlineData(150, 50)]
    [InlineData(100, 1)]         // never an empty head: at least one epoch at the full rate
    [InlineData(1, 0)]
    public void Paper_schedule_keeps_the_recipe_s_100_epoch_tail(int epochs, int tailFrom) =>
        Assert.Equal(tailFrom, PowSchedule.Paper.TailFrom(epochs));

    [Theory]
    [InlineData(2_000, 1_800)]
    [InlineData(300, 270)]
    [InlineData(5, 4)]
    public void Scaled_schedule_tail_is_the_last_tenth(int epochs, int tailFrom) =>
        Assert.Equal(tailFrom, PowSchedule.Scaled.TailFrom(epochs));

    [Fact]
    public void Learning_rates_are_the_recipe_s_and_the_scaled_runs()
    {
        Assert.Equal(1e-4, PowSchedule.Paper.LearningRate, 1e-18); // constants, exact to far below any effect
        Assert.Equal(1e-3, PowSchedule.Scaled.LearningRate, 1e-18);
    }
}
