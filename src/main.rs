fn main() {
    let code = {
        let _console = vinhdanh::platform::utf8_console();
        vinhdanh::cli::main()
    };
    std::process::exit(code);
}
