# Loads a generated Vagrantfile with a stand-in for Vagrant that records every setting and call,
# then prints them as JSON: what Vagrant would receive, value for value.
#   ruby fake-vagrant.rb VAGRANTFILE
require 'json'

class Recorder
  SETTERS_ONLY_AS_METHODS = %w[random qemuargs storage customize].freeze
  attr_reader :records

  def initialize(path, records)
    @path = path
    @records = records
  end

  def respond_to_missing?(name, include_private = false)
    name.to_s.end_with?('=') && !SETTERS_ONLY_AS_METHODS.include?(name.to_s.chomp('='))
  end

  def method_missing(name, *args, **kwargs, &block)
    name = name.to_s
    full = @path.empty? ? name : "#{@path}.#{name}"
    if name.end_with?('=')
      @records << { 'set' => full.chomp('='), 'value' => plain(args.first) }
      return
    end
    if args.empty? && kwargs.empty? && block.nil?
      return Recorder.new(full, @records)
    end
    @records << { 'call' => full, 'args' => plain(args), 'options' => plain(kwargs) }
    if block
      label = args.first.is_a?(String) || args.first.is_a?(Symbol) ? "#{full}[#{args.first}]" : full
      block.arity == 0 ? block.call : block.call(Recorder.new(label, @records))
    end
    nil
  end

  private

  def plain(value)
    case value
    when Hash then value.to_h { |k, v| [k.is_a?(Symbol) ? ":#{k}" : k.to_s, plain(v)] }
    when Array then value.map { |v| plain(v) }
    when Symbol then ":#{value}"
    else value
    end
  end
end

module Vagrant
  RECORDS = []
  def self.configure(version)
    raise "unexpected configuration version #{version}" unless version == '2'
    yield Recorder.new('config', RECORDS)
  end
end

load ARGV.fetch(0)
puts JSON.generate(Vagrant::RECORDS)
