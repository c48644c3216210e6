using System.Reflection;

namespace NetClaims.Training;

/// <summary>Where to train: the float32 SIMD trainer, the float64 CPU reference, or the ILGPU kernels on its CPU accelerator or on CUDA.</summary>
public enum TrainDevice
{
    /// <summary>CUDA when present, else the float32 SIMD CPU trainer.</summary>
    Auto,

    /// <summary>The float32 SIMD CPU trainer (<see cref="FloatTrainer"/>; the default of trained claims).</summary>
    Cpu,

    /// <summary>The ILGPU kernels on ILGPU's CPU accelerator (for checking the kernels without a GPU).</summary>
    IlgpuCpu,

    /// <summary>The ILGPU kernels on a CUDA GPU.</summary>
    Cuda,

    /// <summary>The float64 CPU reference trainer (<see cref="CpuTrainer"/>; gradient checks and the agreement property).</summary>
    CpuFloat64,
}

/// <summary>A device that was asked for and is not there (one line, for the CLI's exit code 2).</summary>
public sealed class DeviceUnavailableException(string message) : Exception(message);

/// <summary>A trainer on an accelerator (the ILGPU kernels in NetClaims.Learning.Gpu).</summary>
public interface IAcceleratedTrainer
{
    /// <summary>Whether a CUDA device is present.</summary>
    bool CudaAvailable();

    /// <summary>Trains on the requested device.</summary>
    TrainResult Train(TwoLayer arch, double[] theta0, Dataset data, TrainOptions options, TrainDevice device, IProgress<EpochProgress>? progress, CancellationToken cancel);
}

/// <summary>
/// Finds the accelerated trainer by assembly name, the first time a run asks for a device other than the CPU, so the
/// CPU paths (and everything that only verifies claims) never load ILGPU. A host that ships NetClaims.Learning.Gpu
/// (the CLI, the tests) has it; without it, asking for an accelerator is a one-line <see cref="DeviceUnavailableException"/>.
/// </summary>
public static class AcceleratedTrainers
{
    const string AssemblyName = "NetClaims.Learning.Gpu", TypeName = "NetClaims.Training.IlgpuTrainerBackend";

    static readonly Lazy<IAcceleratedTrainer?> Loaded = new(Load);

    /// <summary>The ILGPU trainer, or null when NetClaims.Learning.Gpu is not beside this assembly.</summary>
    public static IAcceleratedTrainer? Ilgpu => Loaded.Value;

    static IAcceleratedTrainer? Load()
    {
        try
        {
            var type = Assembly.Load(AssemblyName).GetType(TypeName, throwOnError: true)!;
            return (IAcceleratedTrainer)Activator.CreateInstance(type)!;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Resolves <see cref="TrainDevice.Auto"/>: CUDA when a GPU is present, the float32 SIMD CPU trainer otherwise.</summary>
    public static TrainDevice Resolve(TrainDevice device) =>
        device == TrainDevice.Auto ? (Ilgpu?.CudaAvailable() == true ? TrainDevice.Cuda : TrainDevice.Cpu) : device;

    /// <summary>The accelerated trainer for <paramref name="device"/>, or a one-line refusal when it is not installed.</summary>
    public static IAcceleratedTrainer Require(TrainDevice device) =>
        Ilgpu ?? throw new DeviceUnavailableException($"training on {device} needs NetClaims.Learning.Gpu, which is not installed beside NetClaims.Learning");
}
