use clap::Parser;

fn main() {
    let cli = vinhdanh::cli::Cli::parse();
    std::process::exit(vinhdanh::cli::run(cli));
}
