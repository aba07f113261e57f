fn main() -> std::process::ExitCode {
    let code = {
        let _console = vinhdanh::platform::utf8_console();
        vinhdanh::cli::code()
    };
    vinhdanh::platform::exit_now(code)
}
