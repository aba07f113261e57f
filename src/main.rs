fn main() {
    std::process::exit(vinhdanh::cli::main());
}
