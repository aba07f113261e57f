fn main() -> std::process::ExitCode {
    let _console = vinhdanh::platform::utf8_console();
    vinhdanh::cli::main()
}
